import { decodeListCursor, type ListCursor } from "@/lib/applications/list-cursor";
import type { ApplicationSort, SortDirection } from "@/lib/validation/application-filter";
import { ApiError } from "./api-error";

/**
 * The list's cursor as the API takes it back: the nextCursor it gave out, for
 * the same sort and direction. Anything else is a 400 naming the field.
 */
export function readCursor(cursor: string, sort: ApplicationSort, direction: SortDirection): ListCursor {
  const decoded = decodeListCursor(cursor, sort, direction);
  if (decoded) return decoded;
  throw new ApiError(400, "That cursor is not one this API gave out for this sort; start again without it.", { cursor: "Not a cursor this API gave out for this sort and direction." });
}
