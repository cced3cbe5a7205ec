// Clears what a browser could keep of a customer between visits: Web Storage, IndexedDB databases and
// Cache Storage. The kiosk writes none of them, but a library or an extension might; the wipe does not
// trust that.

export async function wipeBrowserStorage(): Promise<void> {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing can be in it.
  }
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (idb && typeof idb.databases === 'function') {
    const dbs = await idb.databases().catch(() => []);
    await Promise.all(
      dbs.map(
        (db) =>
          new Promise<void>((resolve) => {
            if (!db.name) return resolve();
            const req = idb.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
    );
  }
  const cacheStorage = (globalThis as { caches?: CacheStorage }).caches;
  if (cacheStorage) {
    const keys = await cacheStorage.keys().catch(() => [] as string[]);
    await Promise.all(keys.map((k) => cacheStorage.delete(k)));
  }
}
