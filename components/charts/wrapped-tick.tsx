"use client";

import { Text } from "recharts";

/** A category axis's name beside its bars, wrapped within `width` rather than cut. */
export function WrappedTick({
  x,
  y,
  payload,
  width = 112,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  width?: number;
}) {
  return (
    <Text x={x} y={y} width={width} textAnchor="end" verticalAnchor="middle" fontSize={12} fill="#0f172a">
      {payload?.value ?? ""}
    </Text>
  );
}
