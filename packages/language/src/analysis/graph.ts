/**
 * Strongly connected components (Tarjan), in the order their first node was given.
 * A component with more than one node, or a node with an edge to itself, is a loop.
 */
export function loops(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const components: string[][] = [];
    const known = new Set(nodes);
    let counter = 0;

    // Iterative, so a long chain of links cannot overflow the call stack.
    for (const root of nodes) {
        if (index.has(root)) continue;
        const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
        index.set(root, counter); low.set(root, counter++); stack.push(root); onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const targets = edges(frame.node).filter(t => known.has(t));
            if (frame.next < targets.length) {
                const target = targets[frame.next++];
                if (!index.has(target)) {
                    index.set(target, counter); low.set(target, counter++); stack.push(target); onStack.add(target);
                    work.push({ node: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                const selfLoop = component.length === 1 && edges(frame.node).includes(frame.node);
                if (component.length > 1 || selfLoop) components.push(component);
            }
        }
    }
    const order = new Map(nodes.map((n, i) => [n, i]));
    return components
        .map(c => c.sort((a, b) => order.get(a)! - order.get(b)!))
        .sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}

/** One way round a loop, from `start` back to it, following edges inside the component. */
export function cycleThrough(start: string, component: readonly string[], edges: (node: string) => readonly string[]): string[] {
    const inside = new Set(component);
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
        const node = queue.shift()!;
        for (const target of edges(node)) {
            if (!inside.has(target)) continue;
            if (target === start) {
                const path = [node];
                while (path[0] !== start) path.unshift(previous.get(path[0])!);
                return path;
            }
            if (!previous.has(target) && target !== start) {
                previous.set(target, node);
                queue.push(target);
            }
        }
    }
    return [start];
}
