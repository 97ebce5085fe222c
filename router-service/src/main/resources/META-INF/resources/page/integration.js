// The integration page: keeps the admin API key in this tab's session storage, sends it with every request and
// swaps in the HTML the server renders. It holds no settings of its own: every change goes to the server.
(() => {
  'use strict';
  const STORAGE = 'tandem.router.admin-api-key';
  const body = document.body;
  const base = body.dataset.fragments;
  if (!base) {
    return;
  }
  const signIn = document.getElementById('sign-in-panel');
  const workspace = document.getElementById('workspace');
  const notice = document.getElementById('notice');
  const keyInput = document.getElementById('api-key');
  const signOut = document.getElementById('sign-out');

  const key = () => sessionStorage.getItem(STORAGE);

  function say(message) {
    notice.textContent = message || '';
    notice.hidden = !message;
  }

  function askForKey(message) {
    sessionStorage.removeItem(STORAGE);
    workspace.hidden = true;
    signOut.hidden = true;
    signIn.hidden = false;
    say(message);
    keyInput.value = '';
    keyInput.focus();
  }

  class Refused extends Error {}

  // Every request carries the key; 401 asks for it again, 403 says the key is another workspace's.
  async function request(method, name, options = {}) {
    const response = await fetch(base + '/' + name + (options.query ? '?' + options.query : ''), {
      method,
      headers: Object.assign({ 'Authorization': 'Bearer ' + key(), 'Accept': 'text/html' }, options.headers || {}),
      body: options.body
    });
    if (response.status === 401) {
      askForKey('The admin API key was not accepted. Enter it again.');
      throw new Refused();
    }
    if (response.status === 403) {
      askForKey('This key belongs to another workspace. Enter a key of workspace ' + body.dataset.app + '.');
      throw new Refused();
    }
    if (!(response.headers.get('Content-Type') || '').startsWith('text/html')) {
      say('The server answered ' + response.status + ' unexpectedly; try again.');
      throw new Refused();
    }
    return response.text();
  }

  // Replaces target's content (a [data-fragment]) or the element itself (an id'd part), keeping the focus.
  function swap(target, html, whole) {
    const focused = document.activeElement && document.activeElement.id;
    if (whole) {
      target.outerHTML = html;
    } else {
      target.innerHTML = html;
    }
    const again = focused && document.getElementById(focused);
    if (again && document.activeElement !== again) {
      again.focus();
    }
    document.querySelectorAll('[data-reload]').forEach(element => {
      const names = element.dataset.reload.split(' ');
      delete element.dataset.reload;
      names.forEach(load);
    });
  }

  function fragment(name) {
    return document.querySelector('[data-fragment="' + name + '"]');
  }

  async function load(name, query) {
    const target = fragment(name);
    try {
      swap(target, await request('GET', name, { query }), false);
    } catch (e) {
      if (!(e instanceof Refused)) {
        target.innerHTML = '<p class="error" role="alert">Could not load this part: the server did not answer.</p>';
      }
    }
  }

  function show() {
    signIn.hidden = true;
    workspace.hidden = false;
    signOut.hidden = false;
    say('');
    ['integration', 'skill', 'rules', 'insight'].forEach(name => load(name));
  }

  document.getElementById('sign-in-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(STORAGE, keyInput.value.trim());
    show();
    document.getElementById('settings-title').setAttribute('tabindex', '-1');
    document.getElementById('settings-title').focus();
  });
  signOut.addEventListener('click', () => askForKey(''));
  document.getElementById('try-reset').addEventListener('click', () => {
    document.getElementById('try-result').innerHTML = '';
    document.getElementById('try-text').focus();
  });

  // Forms: data-post (form-encoded POST), data-get (GET with the fields as query), data-upload (the file as body).
  document.addEventListener('submit', async event => {
    const form = event.target;
    const name = form.dataset.post || form.dataset.get || form.dataset.upload;
    if (!name) {
      return;
    }
    event.preventDefault();
    const target = form.dataset.target ? document.getElementById(form.dataset.target) : form.closest('[data-fragment]');
    const whole = Boolean(form.dataset.target);
    const buttons = form.querySelectorAll('button');
    buttons.forEach(button => { button.disabled = true; });
    try {
      let html;
      if (form.dataset.upload) {
        const file = form.querySelector('input[type=file]').files[0];
        html = await request('POST', name, {
          headers: { 'Content-Type': 'application/json' },
          body: file ? await file.arrayBuffer() : ''
        });
      } else if (form.dataset.get) {
        html = await request('GET', name, { query: new URLSearchParams(new FormData(form)).toString() });
      } else {
        html = await request('POST', name, { body: new URLSearchParams(new FormData(form)) });
      }
      swap(target, html, whole);
    } catch (e) {
      if (!(e instanceof Refused)) {
        say('The request failed: the server did not answer.');
      }
    } finally {
      buttons.forEach(button => { button.disabled = false; });
    }
  });

  // A rules row saves its action and backup together; the server answers with the row as stored.
  document.addEventListener('click', async event => {
    const button = event.target.closest('tr[data-node] button[name=save]');
    if (!button) {
      return;
    }
    const row = button.closest('tr');
    const fields = new URLSearchParams();
    fields.set('node', row.dataset.node);
    row.querySelectorAll('select').forEach(select => fields.set(select.name, select.value));
    button.disabled = true;
    try {
      const html = await request('POST', 'rules', { body: fields });
      const node = row.dataset.node;
      row.outerHTML = html;
      const saved = Array.from(document.querySelectorAll('#rules tr[data-node]')).find(r => r.dataset.node === node);
      if (saved) {
        saved.querySelector('button[name=save]').focus();
      }
    } catch (e) {
      button.disabled = false;
      if (!(e instanceof Refused)) {
        say('The request failed: the server did not answer.');
      }
    }
  });

  if (key()) {
    show();
  } else {
    askForKey('');
  }
})();
