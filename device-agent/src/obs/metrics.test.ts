import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('renders counters with labels and scrape-time gauges in Prometheus text format', () => {
    const m = new Metrics();
    const swipes = m.counter('agent_card_swipes_total', 'Card swipes by result');
    swipes({ result: 'ok' });
    swipes({ result: 'ok' });
    swipes({ result: 'bad"x' });
    let conns = 3;
    m.gauge('agent_ws_connections', 'Open WebSocket connections', () => [{ value: conns }]);
    conns = 4;
    expect(m.render()).toBe(
      [
        '# HELP agent_card_swipes_total Card swipes by result',
        '# TYPE agent_card_swipes_total counter',
        'agent_card_swipes_total{result="ok"} 2',
        'agent_card_swipes_total{result="bad\\"x"} 1',
        '# HELP agent_ws_connections Open WebSocket connections',
        '# TYPE agent_ws_connections gauge',
        'agent_ws_connections 4',
        '',
      ].join('\n'),
    );
  });
});
