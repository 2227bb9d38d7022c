"use client";

import dynamic from "next/dynamic";

// Drawn once near the screen (ChartFrame): the charting code is not part of the page's first load.
export const GapChart = dynamic(() => import("./gap-chart").then((m) => m.GapChart), { ssr: false });
