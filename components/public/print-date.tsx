"use client";

import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { formatSwedishDate } from "./swedish-labels";

/**
 * The date a page is printed on, for the printed leaflet's footer. The server renders the day the page
 * was fetched (all a reader without JavaScript gets); with JavaScript the date becomes the day of
 * printing, so a tab left open overnight still prints today's date.
 */
export function PrintDate({ fetchedAt }: { fetchedAt: string }) {
  const [moment, setMoment] = useState(() => new Date(fetchedAt));
  useEffect(() => {
    // Committed synchronously: the browser lays the page out for print right after this event.
    const beforePrint = () => flushSync(() => setMoment(new Date()));
    window.addEventListener("beforeprint", beforePrint);
    return () => window.removeEventListener("beforeprint", beforePrint);
  }, []);
  return <time dateTime={moment.toISOString()}>{formatSwedishDate(moment)}</time>;
}
