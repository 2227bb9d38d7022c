"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

// A chart as a file: its SVG as drawn (with a white background, so it reads on any page), or that
// SVG rendered to a PNG at twice its size.

function chartSvg(chartId: string): { text: string; width: number; height: number } | null {
  const svg = document.querySelector(`[data-testid="${chartId}"] svg.recharts-surface`);
  if (!(svg instanceof SVGSVGElement)) return null;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("font-family", getComputedStyle(document.body).fontFamily);
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function pngOf({ text, width, height }: { text: string; width: number; height: number }) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no canvas");
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
  );
}

/** "Download SVG" and "Download PNG" for the chart whose container has `data-testid={chartId}`. */
export function ChartDownloads({ chartId, fileName }: { chartId: string; fileName: string }) {
  const t = useTranslations("common");
  const [problem, setProblem] = useState("");
  const download = async (kind: "svg" | "png") => {
    const svg = chartSvg(chartId);
    if (!svg) return setProblem(t("chartNotDrawn"));
    try {
      const blob = kind === "svg" ? new Blob([svg.text], { type: "image/svg+xml" }) : await pngOf(svg);
      save(blob, `${fileName}.${kind}`);
      setProblem("");
    } catch {
      setProblem(t("imageFailed"));
    }
  };
  return (
    <div className="no-print mt-1 flex flex-wrap items-center gap-3 text-sm">
      <button type="button" className="link" onClick={() => void download("svg")}>
        {t("downloadSvg")}
      </button>
      <button type="button" className="link" onClick={() => void download("png")}>
        {t("downloadPng")}
      </button>
      <span role="status">{problem}</span>
    </div>
  );
}
