// The sandbox inbox's few lines of script: keep the conversation list and the open conversation current (the server
// answers 204 when its version did not change), and send a teammate's away toggle as it changes.
(function () {
  'use strict';

  async function refresh(id) {
    const element = document.getElementById(id);
    if (!element || !element.dataset.poll) {
      return;
    }
    const url = element.dataset.poll + (element.dataset.poll.includes('?') ? '&' : '?')
      + 'version=' + encodeURIComponent(element.dataset.version || '');
    const answer = await fetch(url, { headers: { Accept: 'text/html' } });
    if (answer.status !== 200) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await answer.text()).trim();
    const fresh = template.content.firstElementChild;
    if (fresh && document.getElementById(id) === element) {
      const focused = document.activeElement && element.contains(document.activeElement)
        ? document.activeElement.getAttribute('value') : null;
      element.replaceWith(fresh);
      if (focused) {
        const again = fresh.querySelector('[value="' + CSS.escape(focused) + '"]');
        if (again) {
          again.focus();
        }
      }
    }
  }

  function poll() {
    Promise.allSettled([refresh('conversations'), refresh('conversation')])
      .finally(() => setTimeout(poll, 1000));
  }

  setTimeout(poll, 1000);

  document.addEventListener('change', async (event) => {
    const toggle = event.target;
    if (!toggle.matches || !toggle.matches('input.away-toggle')) {
      return;
    }
    const status = document.getElementById('away-status');
    const label = document.querySelector('label[for="' + toggle.id + '"]');
    toggle.disabled = true;
    try {
      const answer = await fetch('/inbox/admins/' + encodeURIComponent(toggle.dataset.adminId) + '/away', {
        method: 'POST',
        body: new URLSearchParams({ away: String(toggle.checked) })
      });
      if (!answer.ok) {
        throw new Error('status ' + answer.status);
      }
      status.textContent = (label ? label.textContent.replace(' is away', '') : 'Teammate')
        + (toggle.checked ? ' is away now.' : ' is back.');
    } catch (failure) {
      toggle.checked = !toggle.checked;
      status.textContent = 'Away mode not changed: ' + failure.message;
    } finally {
      toggle.disabled = false;
    }
  });
})();
