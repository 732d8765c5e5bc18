import type { Metadata, Viewport } from "next";
import { themeClassName } from "@/lib/theme";
import { readThemeChoice } from "@/lib/theme-cookie";
import { ServiceWorker } from "./_components/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Shortlist", template: "%s · Shortlist" },
  description: "Track every job application, interview round and next step.",
  applicationName: "Shortlist",
  appleWebApp: { capable: true, title: "Shortlist", statusBarStyle: "default" },
  icons: { apple: "/icons/icon-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d5fd1" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Read on the server so the first paint already has the chosen theme: no flash, no inline script.
  const theme = await readThemeChoice();
  return (
    <html lang="en" className={themeClassName(theme)}>
      <body className="min-h-screen">
        {children}
        <ServiceWorker />
      </body>
    </html>
  );
}
