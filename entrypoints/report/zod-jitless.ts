import { config } from 'zod/mini';

// Same as the other extension pages: zod must never probe `new Function` under the MV3 CSP. Imported by the
// entry before anything else, so it runs before the parts that load on demand build their schemas. (Only zod's
// small core comes with it, which every other page loads too: leaving it out split the pages' shared chunks.)
config({ jitless: true });
