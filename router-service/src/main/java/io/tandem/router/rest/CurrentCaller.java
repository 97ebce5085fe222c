package io.tandem.router.rest;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current admin API request, as {@link AdminApiKeyFilter} identified it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void identified(Caller identified) {
        this.caller = identified;
    }

    /** How the audit trail names the caller. */
    public String name() {
        return caller == null ? "unknown" : caller.name();
    }
}
