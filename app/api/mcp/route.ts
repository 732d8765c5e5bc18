import { createMcpHandler } from "@modelcontextprotocol/server";
import { authenticate } from "@/lib/api/authenticate";
import { answerFailure } from "@/lib/api/respond";
import { MAX_API_BODY_BYTES } from "@/lib/api/route";
import { shortlistMcpServer } from "@/lib/mcp/tools";

/**
 * Shortlist's MCP server over Streamable HTTP, stateless: each request is
 * answered by a server made for the token's owner, so nothing of one user
 * is held where another's request could reach it.
 */
async function serve(request: Request): Promise<Response> {
  try {
    // Which tools exist depends on the token's scope: a read token lists and calls only read tools.
    const caller = await authenticate(request, "read");
    const handler = createMcpHandler(() => shortlistMcpServer(caller, () => new Date()), {
      legacy: "stateless",
      responseMode: "json",
      maxRequestBodySize: MAX_API_BODY_BYTES,
    });
    try {
      return await handler.fetch(request);
    } finally {
      await handler.close();
    }
  } catch (error) {
    return answerFailure(error);
  }
}

export { serve as GET, serve as POST, serve as DELETE };
