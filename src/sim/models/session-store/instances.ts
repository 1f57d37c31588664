import { APP_SLOTS } from './topology';

/** A server-side session record: the app's truth about one session id. */
export interface SessionRecord {
  sid: string;
  userIndex: number;
  /** Where the session lives: an instance id (in its memory) or 'cache' (ElastiCache). */
  home: string;
  /** Product ids in the cart. */
  cart: number[];
  lastActivityUs: number;
  fate: 'live' | 'expired' | 'lost';
  /** Why a lost session was lost (shown to the student). */
  lostReason: string;
}

/** One app instance slot behind the load balancer. */
export interface AppInstance {
  id: string;
  az: string;
  /** Registered with the load balancer and running. */
  inService: boolean;
  /** Bumped at each launch, so work of a terminated incarnation is recognised as dead. */
  generation: number;
  /** Why the slot is empty ('not launched', 'terminated', 'AZ outage'). */
  downReason: string;
  /** Sessions held in this instance's memory (in-memory and sticky modes). */
  sessions: Map<string, SessionRecord>;
  requests: number;
}

export function createInstances(azOf: (id: string) => string, running: number): AppInstance[] {
  return APP_SLOTS.map((id, i) => ({
    id,
    az: azOf(id),
    inService: i < running,
    generation: i < running ? 1 : 0,
    downReason: i < running ? '' : 'not launched',
    sessions: new Map(),
    requests: 0,
  }));
}

/**
 * The load balancer's choice of target: round robin over the instances in service, or, with
 * stickiness, the instance named by the browser's AWSALB cookie while that instance is healthy
 * (ALB re-routes and re-pins a browser whose target is gone).
 */
export class LoadBalancer {
  private cursor = 0;

  constructor(private readonly instances: readonly AppInstance[]) {}

  inService(): AppInstance[] {
    return this.instances.filter((i) => i.inService);
  }

  /** The next target, or null when no instance is in service (the LB answers 503). */
  route(sticky: boolean, pinned: string | null): { target: AppInstance; repinned: boolean } | null {
    if (sticky && pinned !== null) {
      const home = this.instances.find((i) => i.id === pinned);
      if (home?.inService) return { target: home, repinned: false };
    }
    const healthy = this.inService();
    if (healthy.length === 0) return null;
    const target = healthy[this.cursor % healthy.length]!;
    this.cursor = (this.cursor + 1) % 1_000_000;
    return { target, repinned: sticky };
  }
}
