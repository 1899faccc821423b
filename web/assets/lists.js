// lists.js - the firm's vocabulary as the case pages need it: case types and subtypes, status
// types, statuses, close reasons, roles, note types, value ranges, deadline types, flags,
// user-defined fields (of every case type), states and offices, read once
// per page load and shared by every form (Setup calls forgetLists() after a change). Also the
// people a form may pick (the /people directory, for admin and staff; others get themselves)
// and the small questions asked of these lists (which type is the stage, which statuses fit a
// case's group).
import { useState, useEffect } from '/vendor/preact-htm.js';
import { getAll } from './api.js';

const SOURCES = {
  caseTypes: '/setup/case-types',
  subtypes: '/setup/case-subtypes',
  statusTypes: '/setup/status-types',
  statuses: '/setup/statuses',
  closeReasons: '/setup/close-reasons',
  roles: '/setup/roles',
  noteTypes: '/setup/note-types',
  valueRanges: '/setup/value-ranges',
  deadlineTypes: '/setup/deadline-types',
  flags: '/setup/flags',
  udfFields: '/setup/udf-fields',
  states: '/setup/states',
  offices: '/offices',
  directory: '/people', // every user, for forms that do not know who is signed in (loadPeople does)
};

const cache = new Map();

/** One list by name (a key of SOURCES), read once and shared; a failed read is not kept. */
export function loadList(name) {
  if (!cache.has(name)) {
    const p = getAll(SOURCES[name], 5000).catch((err) => {
      cache.delete(name);
      throw err;
    });
    cache.set(name, p);
  }
  return cache.get(name);
}

/** Forget lists (all of them without arguments) so the next read asks the server again. */
export function forgetLists(...names) {
  if (!names.length) cache.clear();
  for (const n of names) {
    if (n === 'people') [...cache.keys()].filter((k) => k.startsWith('people:')).forEach((k) => cache.delete(k));
    else cache.delete(n);
  }
}

/** Read several lists: resolves {name: items}. */
export async function loadLists(names) {
  const values = await Promise.all(names.map(loadList));
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

/**
 * The people a form may pick as owner or staff: every active user of the directory (GET /people,
 * readable by admin and staff), just the signed-in user for advisors and clients.
 */
export async function loadPeople(me) {
  if (me.role !== 'admin' && me.role !== 'staff') return [{ id: me.id, name: me.name || me.login, active: true }];
  const key = `people:${me.id}`;
  if (!cache.has(key)) {
    cache.set(key, getAll('/people', 5000).then((l) => l.filter((u) => u.active))
      .catch((err) => { cache.delete(key); throw err; }));
  }
  return cache.get(key);
}

/**
 * A hook over loadLists (plus `people` when asked for with me): {lists, error, reload}.
 * `lists` is null until every list has arrived.
 */
export function useLists(names, me) {
  const [lists, setLists] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);
  const key = names.join(',');
  useEffect(() => {
    let live = true;
    setError(null);
    const wantPeople = names.includes('people');
    const plain = names.filter((n) => n !== 'people');
    Promise.all([loadLists(plain), wantPeople ? loadPeople(me) : null])
      .then(([l, people]) => { if (live) setLists(wantPeople ? { ...l, people } : l); })
      .catch((err) => { if (live) setError(err.detail); });
    return () => { live = false; };
  }, [key, tick]);
  return { lists, error, reload: () => { forgetLists(...names); setTick((t) => t + 1); } };
}

export const GROUPS = ['legal', 'insurance', 'mortgage', 'protection', 'support'];
export const GROUP_LABELS = { legal: 'Legal', insurance: 'Insurance', mortgage: 'Mortgage', protection: 'Protection', support: 'Support' };

/** The stage (primary) status type, or undefined. */
export function stageType(statusTypes) {
  return (statusTypes || []).find((t) => t.stage);
}

/** Statuses of a status type that fit a case group: that group's and those of every group. */
export function statusesFor(statuses, statusTypeId, group) {
  return (statuses || []).filter((s) => s.status_type_id === Number(statusTypeId)
    && (!group || !s.group || s.group === group));
}

/** The name of an item of a list by id ('' when absent). */
export function nameOf(list, id) {
  return (list || []).find((x) => x.id === Number(id))?.name || '';
}
