import type { ReactNode } from 'react';

// Toolbar and figure icons: 16-pixel line drawings in the current text colour.
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="ed-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </g>
    </svg>
  );
}

const lines = (rows: [number, number][]) => rows.map(([x1, x2], i) => <path key={i} d={`M${x1} ${3.5 + i * 3}H${x2}`} />);

export const icons = {
  alignLeft: <Icon>{lines([[2, 14], [2, 10], [2, 14], [2, 9]])}</Icon>,
  alignCenter: <Icon>{lines([[2, 14], [4, 12], [2, 14], [5, 11]])}</Icon>,
  alignRight: <Icon>{lines([[2, 14], [6, 14], [2, 14], [7, 14]])}</Icon>,
  alignJustify: <Icon>{lines([[2, 14], [2, 14], [2, 14], [2, 10]])}</Icon>,
  bulletList: (
    <Icon>
      <circle cx="3" cy="4" r="0.9" fill="currentColor" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" />
      <path d="M6 4H14M6 8H14M6 12H14" />
    </Icon>
  ),
  numberList: (
    <Icon>
      <path d="M2.2 2.6L3.2 2V6M2.2 6H4.2" strokeWidth="1.1" />
      <path d="M2.2 9.6C2.6 9 4.2 9 4.2 10.1C4.2 11 2.2 11.6 2.2 13.2H4.4" strokeWidth="1.1" />
      <path d="M6.5 4H14M6.5 8H14M6.5 12H14" />
    </Icon>
  ),
  indent: (
    <Icon>
      <path d="M2 3H14M7 6.5H14M7 9.5H14M2 13H14M2 6L4.5 8L2 10" />
    </Icon>
  ),
  outdent: (
    <Icon>
      <path d="M2 3H14M7 6.5H14M7 9.5H14M2 13H14M4.5 6L2 8L4.5 10" />
    </Icon>
  ),
  table: (
    <Icon>
      <rect x="2" y="2.5" width="12" height="11" rx="1" />
      <path d="M2 6.2H14M2 9.8H14M6 2.5V13.5M10 2.5V13.5" />
    </Icon>
  ),
  rule: (
    <Icon>
      <path d="M2 8H14" />
      <path d="M4 4.5H12M4 11.5H12" strokeOpacity="0.35" />
    </Icon>
  ),
  figure: (
    <Icon>
      <rect x="2" y="2.5" width="12" height="11" rx="1" />
      <circle cx="5.6" cy="6" r="1.2" />
      <path d="M2.5 12L6.5 8.5L9 10.5L11 9L13.5 11.5" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M5 3.5L2.5 6L5 8.5" />
      <path d="M2.5 6H10A3.5 3.5 0 0 1 10 13H6" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="M11 3.5L13.5 6L11 8.5" />
      <path d="M13.5 6H6A3.5 3.5 0 0 0 6 13H10" />
    </Icon>
  ),
  remove: (
    <Icon>
      <path d="M3 4.5H13M6.5 4.5V3H9.5V4.5M4.5 4.5L5.2 13.5H10.8L11.5 4.5" />
    </Icon>
  ),
};
