import type { ComponentChildren } from 'preact';

export interface FoldProps {
  /** What the section holds, on its one line (the native <summary>: a keyboard stop that Enter and Space toggle). */
  summary: ComponentChildren;
  open: boolean;
  onToggle(open: boolean): void;
  class?: string;
  children: ComponentChildren;
}

/** A section the admin opens: native <details>, its open state held by the caller (remembered per section). */
export function Fold({ summary, open, onToggle, class: className, children }: FoldProps) {
  return (
    <details
      class={className ? `fold ${className}` : 'fold'}
      open={open}
      onToggle={(event) => {
        const now = event.currentTarget.open;
        if (now !== open) onToggle(now);
      }}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
