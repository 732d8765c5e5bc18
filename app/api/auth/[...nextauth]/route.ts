import { handlers } from "@/lib/auth/auth";
import { atPublicOrigin } from "@/lib/http/request-at-origin";

// Auth.js's redirects name the host the request came to, not Next's "localhost".
export const GET = atPublicOrigin(handlers.GET);
export const POST = atPublicOrigin(handlers.POST);
