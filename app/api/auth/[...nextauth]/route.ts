import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { requestAtPublicOrigin } from "@/lib/http/request-at-origin";

// Auth.js's redirects name the host the request came to, not Next's "localhost".
export const GET = (request: NextRequest) => handlers.GET(requestAtPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(requestAtPublicOrigin(request));
