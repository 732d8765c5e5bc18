import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import type { ApiCaller } from "@/lib/api/authenticate";
import { shortlistMcpServer } from "@/lib/mcp/tools";

const caller = (scope: "read" | "write"): ApiCaller => ({
  id: "u1",
  email: "a@example.com",
  name: "Ana",
  sessionVersion: 1,
  timeZone: "UTC",
  timeZoneChosen: true,
  locale: null,
  hourCycle: null,
  seenLocale: null,
  dates: { locale: "en-GB", hourCycle: null, zone: "UTC" },
  token: { id: "t1", scope, name: "agent" },
});

async function toolsOf(scope: "read" | "write") {
  const server = shortlistMcpServer(caller(scope), () => new Date("2026-12-07T12:00:00Z"));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "test", version: "1" });
  await client.connect(clientSide);
  const { tools } = await client.listTools();
  await client.close();
  return tools;
}

describe("the MCP server's tools", () => {
  it("for a read token: only the read-only tools, each marked so", async () => {
    const tools = await toolsOf("read");
    expect(tools.map((t) => t.name).sort()).toEqual(["draft_message", "get_application", "list_applications", "list_people", "today"]);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
  });

  it("for a read-and-write token: the write tools too, none marked read-only", async () => {
    const tools = await toolsOf("write");
    const writes = tools.filter((t) => !t.annotations?.readOnlyHint).map((t) => t.name);
    expect(writes.sort()).toEqual(["add_application", "log_event", "log_round", "update_application", "update_step"]);
    expect(tools).toHaveLength(10);
  });

  it("take the export format's field names", async () => {
    const tools = await toolsOf("write");
    const props = (name: string) => Object.keys((tools.find((t) => t.name === name)?.inputSchema as { properties: object }).properties);
    expect(props("add_application")).toEqual(expect.arrayContaining(["company", "roleTitle", "appliedOn", "salaryCurrency"]));
    expect(props("log_round")).toEqual(expect.arrayContaining(["applicationId", "kind", "scheduledAt", "signals", "people", "newPeople"]));
    expect(props("update_step")).toEqual(expect.arrayContaining(["applicationId", "key", "action", "until"]));
  });
});
