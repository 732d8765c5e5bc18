import { problem } from "@/lib/api/respond";

// Any other path under /api/v1 answers in the API's own shape, not with the HTML 404 page.
const noSuchRoute = async () => problem(404, "No such API route; see /api/v1/openapi.json for the routes there are.");

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PATCH, noSuchRoute as PUT, noSuchRoute as DELETE };
