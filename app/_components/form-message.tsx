/** The form-wide message; role="alert" so it is announced when it appears. */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  if (!message) return null;
  const styles = tone === "error" ? "border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200" : "border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 text-green-800 dark:text-green-200";
  return (
    <p role="alert" data-testid="form-message" className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {message}
    </p>
  );
}
