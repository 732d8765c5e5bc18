"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/applications", label: "Applications" },
  { href: "/board", label: "Board" },
  { href: "/people", label: "People" },
  { href: "/documents", label: "Documents" },
  { href: "/analytics", label: "Analytics" },
  { href: "/settings", label: "Settings" },
];

const linkClass = (active: boolean) =>
  `block rounded-md px-3 font-medium ${active ? "bg-brand-50 text-brand-800 dark:bg-brand-950 dark:text-brand-200" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;

/** The main navigation: a row in the header from small screens up (`bar`), a column in the phone menu (`menu`). */
export function NavLinks({ variant = "bar" }: { variant?: "bar" | "menu" }) {
  const pathname = usePathname();
  const menu = variant === "menu";
  return (
    <nav aria-label="Main" className={menu ? undefined : "hidden sm:block"}>
      <ul className={menu ? "flex flex-col gap-1 text-base" : "flex flex-wrap gap-1 text-sm"}>
        {LINKS.map(({ href, label }) => {
          const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
          return (
            <li key={href}>
              <Link href={href} aria-current={active ? "page" : undefined} className={`${linkClass(active)} ${menu ? "py-2.5" : "py-1.5"}`}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
