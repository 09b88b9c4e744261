import {
  closestCenter,
  getFirstCollision,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { findArticle } from '../../../../shared/model/ops.js';
import type { Issue } from '../../../../shared/model/issue.js';
import {
  arrangementOf,
  crossingPlace,
  fromDndId,
  keyboardStep,
  landingPlace,
  moveWithin,
  toDndId,
  type Arrangement,
  type Place,
  type TreeItem,
} from './arrangement.js';

/** A press moves the pointer this far (px) before it becomes a drag, so a click still selects. */
const ACTIVATION_DISTANCE = 5;
/** Space lifts and drops; Enter keeps selecting the row (it also drops, as Tab does). */
const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter', 'Tab'] };

/** The row being dragged, and how: by mouse (pointer) or by keyboard. */
export interface ActiveDrag {
  item: TreeItem;
  viaKeyboard: boolean;
}

export interface TreeDragCallbacks {
  onMoveArticle(articleId: string, toSectionId: string, toIndex: number): void;
  onMoveSection(sectionId: string, toIndex: number): void;
}

/**
 * Dragging rows of the tree: sections among sections, articles within and across
 * sections (dnd-kit's "multiple containers"). While an article is dragged the tree shows
 * a preview arrangement; the drop commits one move through the callbacks (one undo step).
 */
export function useTreeDrag(issue: Issue, { onMoveArticle, onMoveSection }: TreeDragCallbacks) {
  const [active, setActive] = useState<ActiveDrag | null>(null);
  const [arrangement, setArrangement] = useState<Arrangement | null>(null);

  // dnd-kit calls the sensor, collision and announcement functions outside React's
  // render; they read the latest state from these refs.
  const issueRef = useRef(issue);
  const arrangementRef = useRef<Arrangement | null>(null);
  const viaKeyboard = useRef(false);
  const keyboardOver = useRef<UniqueIdentifier | null>(null);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const movedAcross = useRef(false);
  // The first "over" of a drag is the row itself; announcing it would talk over "picked up".
  const firstOver = useRef(false);
  const quietOver = useRef(false);
  useLayoutEffect(() => {
    issueRef.current = issue;
  }, [issue]);

  const preview = useCallback((next: Arrangement | null) => {
    arrangementRef.current = next;
    setArrangement(next);
  }, []);

  // After an article changes section the rows shift under a still pointer; for a frame
  // the collision keeps it over itself (dnd-kit's multiple-containers recipe).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      movedAcross.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [arrangement]);

  const sectionOrder = () => issueRef.current.sections.map((s) => s.id);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, { active: activeId, context }) => {
    const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
    const item = fromDndId(activeId);
    if (step === 0 || !item) return undefined;
    event.preventDefault();
    const target = keyboardStep(sectionOrder(), arrangementRef.current, item, fromDndId(context.over?.id), step);
    const rect = target && context.droppableRects.get(toDndId(target));
    if (!target || !rect) return undefined;
    keyboardOver.current = toDndId(target);
    // The sensor scrolls this point into view; the row itself is moved by the arrangement.
    return { x: rect.left, y: rect.top };
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: ACTIVATION_DISTANCE } }),
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: KEYBOARD_CODES }),
  );

  const collisionDetection = useCallback<CollisionDetection>((args) => {
    const item = fromDndId(args.active.id);
    if (!item) return [];
    // The keyboard walks the tree in print order (see keyboardStep), not by geometry.
    if (viaKeyboard.current) return keyboardOver.current === null ? [] : [{ id: keyboardOver.current }];

    const kinds = item.kind === 'section' ? ['section'] : ['section', 'article'];
    const candidates = args.droppableContainers.filter((c) => kinds.includes(fromDndId(c.id)?.kind ?? ''));
    let overId = getFirstCollision(pointerWithin({ ...args, droppableContainers: candidates }), 'id');
    const over = fromDndId(overId);
    if (item.kind === 'article' && over?.kind === 'section') {
      // Over a section that holds articles: the closest of them. An empty section takes it as it is.
      const inside = new Set((arrangementRef.current?.[over.id] ?? []).map((id) => toDndId({ kind: 'article', id })));
      if (inside.size > 0) {
        overId = getFirstCollision(closestCenter({ ...args, droppableContainers: candidates.filter((c) => inside.has(String(c.id))) }), 'id');
      }
    }
    if (overId !== null) {
      lastOver.current = overId;
      return [{ id: overId }];
    }
    if (movedAcross.current) lastOver.current = args.active.id;
    if (lastOver.current !== null) return [{ id: lastOver.current }];
    return item.kind === 'section' ? closestCenter({ ...args, droppableContainers: candidates }) : [];
  }, []);

  const reset = () => {
    setActive(null);
    // The ref keeps the last arrangement: the drop announcement, which dnd-kit makes
    // after onDragEnd, still reads where the article went.
    setArrangement(null);
    keyboardOver.current = lastOver.current = null;
    movedAcross.current = false;
  };

  const onDragStart = ({ active: dragged, activatorEvent }: DragStartEvent) => {
    const item = fromDndId(dragged.id);
    if (!item) return;
    viaKeyboard.current = activatorEvent instanceof KeyboardEvent;
    keyboardOver.current = dragged.id;
    lastOver.current = null;
    firstOver.current = true;
    setActive({ item, viaKeyboard: viaKeyboard.current });
    if (item.kind === 'article') preview(arrangementOf(issueRef.current));
  };

  const onDragOver = ({ active: dragged, over }: DragOverEvent) => {
    quietOver.current = firstOver.current && over?.id === dragged.id;
    firstOver.current = false;
    const item = fromDndId(dragged.id);
    const target = fromDndId(over?.id);
    const current = arrangementRef.current;
    if (item?.kind !== 'article' || !target || !current) return;
    const place = crossingPlace(sectionOrder(), current, item.id, target);
    if (!place) return;
    movedAcross.current = true;
    preview(moveWithin(current, item.id, place));
  };

  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    const item = fromDndId(dragged.id);
    const target = fromDndId(over?.id);
    const current = arrangementRef.current;
    reset();
    if (!item || !target) return;
    if (item.kind === 'section' && target.kind === 'section') {
      const order = sectionOrder();
      const from = order.indexOf(item.id);
      const to = order.indexOf(target.id);
      if (from >= 0 && to >= 0 && from !== to) onMoveSection(item.id, to);
    } else if (item.kind === 'article' && current) {
      const place = landingPlace(current, item.id, target);
      const before = findArticle(issueRef.current, item.id);
      if (place && before && (place.sectionId !== before.section.id || place.index !== before.index)) {
        onMoveArticle(item.id, place.sectionId, place.index);
      }
    }
  };

  /** Where the dragged row would land if dropped over `over` now (for announcements). */
  const landing = useCallback((dragged: UniqueIdentifier, over: UniqueIdentifier | null | undefined): (Place & { total: number }) | null => {
    const item = fromDndId(dragged);
    const target = fromDndId(over);
    if (!item || !target) return null;
    if (item.kind === 'section') {
      const order = sectionOrder();
      const index = order.indexOf(target.kind === 'section' ? target.id : item.id);
      return { sectionId: item.id, index, total: order.length };
    }
    const current = arrangementRef.current;
    const place = current && landingPlace(current, item.id, target);
    return place && current ? { ...place, total: current[place.sectionId].length } : null;
  }, []);

  return {
    active,
    arrangement,
    sensors,
    collisionDetection,
    landing,
    /** True while the row is only over itself, right after it was lifted: nothing to announce. */
    isQuietOver: () => quietOver.current,
    handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel: reset },
  };
}
