// The welcome page opens once, when the extension is installed: not when it is updated, not when
// Chrome itself updates, and not when the browser starts again. Chrome reports an unpacked
// extension loaded from the command line as installed at every start, so "once" is also kept in
// storage.local (cleared with the extension's data on uninstall: a new install welcomes again).

/** The welcome page's path in the extension. */
export const WELCOME_PATH = '/welcome.html';
/** storage.local: true once the welcome page has been opened. */
export const WELCOMED_KEY = 'il-welcomed';

/** Whether an onInstalled event should open the welcome page, given what storage says. */
export function opensWelcome(details: { reason: string }, stored: Record<string, unknown>): boolean {
  return details.reason === 'install' && stored[WELCOMED_KEY] !== true;
}

interface WelcomeDeps {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  open(path: string): Promise<unknown>;
}

/** Opens the welcome page on a first install and remembers that it did. */
export async function welcomeOnInstall(details: { reason: string }, deps: WelcomeDeps): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if (!opensWelcome(details, await deps.get(WELCOMED_KEY))) return false;
  await deps.set({ [WELCOMED_KEY]: true });
  await deps.open(WELCOME_PATH);
  return true;
}
