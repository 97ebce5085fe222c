package io.tandem.router.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The admin API's OpenAPI description, published at {@code /q/openapi}. */
@OpenAPIDefinition(
        info = @Info(title = "Tandem router-service admin API", version = "2",
                description = "The integration's settings and rules per Intercom workspace, their audit trail, "
                        + "the decisions taken and the insights drawn from them."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = OpenApiDescription.BEARER,
                type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "an operator key or a key of the workspace")))
public class OpenApiDescription extends Application {

    static final String BEARER = "adminApiKey";
}
