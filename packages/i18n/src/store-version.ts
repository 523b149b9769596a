import type { i18n as I18nInstance } from 'i18next';

/** A counter that changes each time a bundle of one namespace is added to or removed from a store. */
export interface StoreVersion {
  readonly value: number;
}

type ResourceStore = I18nInstance['store'];

/** One counter (and one pair of store listeners) per resource store and namespace, never one per translator. */
const versions = new WeakMap<ResourceStore, Map<string, { value: number }>>();

/**
 * The version of `namespace` in the instance's resource store. Every translator on one i18next
 * instance shares it: the store gets two listeners the first time and none after, and they hold
 * only the counter, so translators created per request are collected like any object (no leak).
 * Keyed by the store rather than the instance, since the listeners live on the store.
 */
export function namespaceVersion(i18n: I18nInstance, namespace: string): StoreVersion {
  const store = i18n.store;
  let byNamespace = versions.get(store);
  if (!byNamespace) {
    const counters = new Map<string, { value: number }>();
    byNamespace = counters;
    versions.set(store, counters);
    const bump = (_lng: string, ns: string) => {
      const counter = counters.get(ns);
      if (counter) counter.value += 1;
    };
    store.on('added', bump);
    store.on('removed', bump);
  }
  let counter = byNamespace.get(namespace);
  if (!counter) {
    counter = { value: 0 };
    byNamespace.set(namespace, counter);
  }
  return counter;
}
