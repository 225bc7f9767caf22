// Signing in and out. With authentication on, the page shows a sign-in form (user name and license
// key) instead of the traces until the server knows the browser (a session cookie the script
// never sees: HttpOnly); the header then names the user and offers "Sign out". With
// authentication off (/api/me says authEnabled: false) none of this is ever shown.
import { $ } from './dom.js';
import { ApiError, signIn, signOut } from './api.js';

/**
 * mode: 'unknown' (asking the server), 'off' (no authentication), 'in' (signed in), 'out' (the form).
 * onSignedIn(me) runs after a sign-in through the form; onSignedOut({ explicit }) when the page
 * must forget what it shows: explicit for "Sign out", otherwise the server answered 401.
 */
export class Auth {
  constructor({ onSignedIn, onSignedOut, onSignOutFailed }) {
    this.onSignedIn = onSignedIn;
    this.onSignedOut = onSignedOut;
    this.onSignOutFailed = onSignOutFailed;
    this.mode = 'unknown';
    this.user = null;
    this.el = {
      section: $('#login'),
      form: $('#login-form'),
      user: $('#login-user'),
      key: $('#login-key'),
      submit: $('#login-submit'),
      error: $('#login-error'),
      note: $('#login-note'),
      menu: $('#user-menu'),
      name: $('#user-name'),
      signOut: $('#sign-out'),
    };
    this.el.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.el.signOut.addEventListener('click', () => this.signOut());
  }

  /** The server said who we are (GET /api/me or the sign-in): show the page for them. */
  signedIn(me) {
    const enabled = me.authEnabled !== false;
    this.mode = enabled ? 'in' : 'off';
    this.user = enabled ? me.user : null;
    this.el.name.textContent = enabled ? me.user : '';
    this.el.menu.hidden = !enabled;
    this.el.section.hidden = true;
    this.el.error.hidden = true;
    setAppVisible(true);
  }

  /** A call answered 401: forget what is shown and ask to sign in (once, however many calls fail). */
  required() {
    if (this.mode === 'out') return;
    const expired = this.mode === 'in';
    this.showForm(expired
      ? 'Your session has ended. Sign in again to return to this view.'
      : null);
    this.onSignedOut({ explicit: false });
  }

  showForm(note) {
    this.mode = 'out';
    setAppVisible(false);
    this.el.menu.hidden = true;
    this.el.section.hidden = false;
    this.el.error.hidden = true;
    this.el.note.textContent = note || '';
    this.el.note.hidden = !note;
    this.el.key.value = '';
    if (this.user && !this.el.user.value) this.el.user.value = this.user;
    this.setBusy(false);
    (this.el.user.value ? this.el.key : this.el.user).focus();
  }

  setBusy(busy) {
    this.el.submit.disabled = busy;
    this.el.form.setAttribute('aria-busy', String(busy));
  }

  showError(message, field) {
    this.el.error.textContent = message;
    this.el.error.hidden = false;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      field.select();
    }
  }

  async submit() {
    const user = this.el.user.value.trim();
    const key = this.el.key.value.trim();
    this.el.user.removeAttribute('aria-invalid');
    this.el.key.removeAttribute('aria-invalid');
    if (!user || !key) {
      this.showError(!user ? 'Enter your user name.' : 'Enter your license key.', !user ? this.el.user : this.el.key);
      return;
    }
    this.setBusy(true);
    this.el.error.hidden = true;
    let me;
    try {
      me = await signIn(user, key);
    } catch (e) {
      this.setBusy(false);
      if (e instanceof ApiError && e.status === 401) {
        this.showError('Wrong user name or license key. Check both and try again.', this.el.key);
      } else {
        this.showError(`Could not sign in: ${e.message}`, null);
      }
      return;
    }
    this.setBusy(false);
    this.el.key.value = '';
    this.signedIn(me);
    this.onSignedIn(me);
  }

  async signOut() {
    this.el.signOut.disabled = true;
    try {
      await signOut();
    } catch (e) {
      this.onSignOutFailed(e);
      return;
    } finally {
      this.el.signOut.disabled = false;
    }
    this.user = null;
    this.el.user.value = '';
    this.showForm('You have signed out.');
    this.onSignedOut({ explicit: true });
  }
}

/** The traces and the header controls that need a signed-in user ([data-signed-in] in the HTML). */
function setAppVisible(visible) {
  for (const node of document.querySelectorAll('[data-signed-in]')) node.hidden = !visible;
}
