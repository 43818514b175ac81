import { z } from 'zod';

// No eval in an extension (ARCHITECTURE.md §5): zod must not probe for or use its JIT.
z.config({ jitless: true });

export { z };
