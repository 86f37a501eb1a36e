/**
 * The interactive neighbourhood graph (Cytoscape.js): nodes coloured by label,
 * edges labelled by relationship type, the centre node outlined. The live
 * instance is exposed as `window.__cy` for tests and debugging.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { labelColour } from './labels';

export interface GraphData {
  nodes: readonly { id: string; label: string; name: string }[];
  edges: readonly { id: string; type: string; from: string; to: string }[];
}

declare global {
  interface Window {
    __cy?: Core;
  }
}

function shortName(name: string): string {
  return name.length > 28 ? `${name.slice(0, 26)}…` : name;
}

/** Breadth-first distance of every node from the centre, ignoring direction. */
function hopDistances(centreId: string, data: GraphData): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const e of data.edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const distances = new Map([[centreId, 0]]);
  const queue = [centreId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const next of neighbours.get(id) ?? []) {
      if (!distances.has(next)) {
        distances.set(next, (distances.get(id) ?? 0) + 1);
        queue.push(next);
      }
    }
  }
  return distances;
}

export function renderGraph(
  container: HTMLElement,
  data: GraphData,
  options: {
    centreId: string;
    highlight?: ReadonlySet<string>;
    onTap(node: { id: string; label: string; name: string }): void;
  },
): Core {
  const elements: ElementDefinition[] = [
    ...data.nodes.map((n) => ({
      group: 'nodes' as const,
      data: {
        id: n.id,
        label: n.label,
        name: n.name,
        short: shortName(n.name),
        colour: labelColour(n.label) ?? '#334155',
      },
      classes: [
        n.id === options.centreId ? 'centre' : '',
        options.highlight?.has(n.id) ? 'highlight' : '',
      ]
        .join(' ')
        .trim(),
    })),
    ...data.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.from, target: e.to, type: e.type },
      classes: options.highlight?.has(e.id) ? 'highlight' : '',
    })),
  ];

  const distances = hopDistances(options.centreId, data);
  window.__cy?.destroy();
  const cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(short)',
          color: '#0f172a',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          width: 22,
          height: 22,
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      {
        selector: 'node[label = "Statement"]',
        style: { shape: 'round-rectangle', width: 18, height: 14 },
      },
      { selector: 'node[label = "Estimate"]', style: { shape: 'diamond' } },
      { selector: 'node[label = "Source"]', style: { shape: 'rectangle' } },
      {
        selector: 'node.centre',
        style: {
          width: 36,
          height: 36,
          'border-width': 4,
          'border-color': '#f59e0b',
          'font-size': 12,
          'font-weight': 'bold',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#94a3b8',
          'target-arrow-color': '#94a3b8',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 7,
          color: '#334155',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          // Hide edge labels when zoomed out so far that they would be unreadable clutter.
          'min-zoomed-font-size': 6,
        },
      },
      { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
      {
        selector: 'edge.highlight',
        style: {
          width: 4,
          'line-color': '#f59e0b',
          'target-arrow-color': '#f59e0b',
          'font-size': 9,
          color: '#0f172a',
        },
      },
      { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
    ],
    // Rings by distance from the centre: the centre, then 1 hop, then 2 hops.
    layout: {
      name: 'concentric',
      animate: false,
      padding: 24,
      minNodeSpacing: 28,
      startAngle: (3 / 2) * Math.PI,
      concentric: (node: cytoscape.NodeSingular) => 10 - (distances.get(node.id()) ?? 3),
      levelWidth: () => 1,
    } as cytoscape.LayoutOptions,
  });

  cy.on('tap', 'node', (event) => {
    const node = event.target;
    options.onTap({ id: node.id(), label: node.data('label'), name: node.data('name') });
  });
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));

  window.__cy = cy;
  return cy;
}

/** A horizontal left-to-right layout for a path. */
export function renderPathGraph(
  container: HTMLElement,
  data: GraphData,
  onTap: (node: { id: string; label: string; name: string }) => void,
): Core {
  const highlight = new Set([...data.nodes.map((n) => n.id), ...data.edges.map((e) => e.id)]);
  const cy = renderGraph(container, data, { centreId: data.nodes[0]?.id ?? '', highlight, onTap });
  const narrow = container.clientWidth < 500;
  cy.layout({
    name: 'preset',
    positions: (node: cytoscape.NodeSingular) => {
      const i = data.nodes.findIndex((n) => n.id === node.id());
      return narrow ? { x: (i % 2) * 120, y: i * 90 } : { x: i * 170, y: (i % 2) * 40 };
    },
    fit: true,
    padding: 40,
  } as cytoscape.LayoutOptions).run();
  return cy;
}
