import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../shared/api/contract.js';
import { onMenuCommand } from './api.js';

/** Runs `handler` for application menu commands while the component is mounted. */
export function useMenuCommand(handler: (command: MenuCommand) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => onMenuCommand((command) => ref.current(command)), []);
}
