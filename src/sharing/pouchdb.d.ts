// The PouchDB packages ship no types; replicate.ts types the few calls it makes (PouchStatic, PouchDb).
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
