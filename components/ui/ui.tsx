import type { ButtonHTMLAttributes, ReactNode } from "react";
import "./design-system.css";

/**
 * The admin design system's components (styles in design-system.css). Every admin screen builds its
 * buttons, panels and notices from these or their classes, so they look and behave the same.
 */

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" | "link" };

const buttonClasses: Record<NonNullable<ButtonProps["variant"]>, string> = {
  primary: "button button-primary",
  secondary: "button",
  danger: "button button-danger",
  link: "link-button",
};

export function Button({ variant = "secondary", className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={[buttonClasses[variant], className].filter(Boolean).join(" ")} {...rest} />;
}

/** A sentence about what happened or what is wrong; `role` only where it must be announced. */
export function Notice({ tone = "info", children, ...rest }: { tone?: "info" | "success" | "warning" | "error"; children: ReactNode; role?: "alert" | "status"; "data-testid"?: string }) {
  return (
    <div className={tone === "info" ? "notice" : `notice notice-${tone}`} {...rest}>
      {children}
    </div>
  );
}

/** A titled area of a screen. */
export function Panel({ headingId, title, children, className, "data-testid": testId }: { headingId: string; title: ReactNode; children: ReactNode; className?: string; "data-testid"?: string }) {
  return (
    <section className={["panel", className].filter(Boolean).join(" ")} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
