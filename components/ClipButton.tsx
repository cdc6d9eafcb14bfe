export interface ClipButtonProps {
  top: number;
  left: number;
  status: string;
  /** Gets the click: the content script acts only on the reader's own (trusted) input. */
  onClip(e: Event): void;
}

/** The floating button shown beside a text selection. Rendered inside a shadow root. */
export function ClipButton({ top, left, status, onClip }: ClipButtonProps) {
  return (
    <div class="clip" style={{ top: `${top}px`, left: `${left}px` }}>
      <button
        type="button"
        title="Save the selected text to Inspection Lens (Alt+Shift+C)"
        onMouseDown={(e) => e.preventDefault() /* keep the selection */}
        onClick={onClip}
      >
        Clip
      </button>
      {status ? (
        <span class="clip-status" role="status">
          {status}
        </span>
      ) : null}
    </div>
  );
}

export const CLIP_BUTTON_CSS = `
.clip { position: fixed; z-index: 2147483647; display: flex; gap: 6px; align-items: center;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; }
.clip button { font: inherit; font-weight: 600; padding: 4px 12px; border-radius: 14px; border: 1px solid #2b2b70;
  background: #3b3b98; color: #fff; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.clip button:focus-visible { outline: 2px solid #1d1d2b; outline-offset: 2px; }
.clip-status { background: #1d1d2b; color: #fff; padding: 3px 8px; border-radius: 4px; }
@media (prefers-color-scheme: dark) {
  .clip button { background: #a9a9f5; color: #14142b; border-color: #e8e8f0; box-shadow: 0 2px 8px rgba(0,0,0,.6); }
  .clip button:focus-visible { outline-color: #e8e8f0; }
  .clip-status { background: #e8e8f0; color: #14142b; }
}
`;
