/**
 * Delivery in sending order on one TCP connection: each message takes a ticket when sent and
 * is handed over on arrival only after every earlier one (a later message whose network delay
 * came out shorter waits — head-of-line blocking). Without it, ASKING and the command behind
 * it could reach the node in the wrong order, and pipelined replies could overtake each other.
 */
export class InOrder {
  private sent = 0;
  private next = 0;
  private held = new Map<number, () => void>();

  ticket(): number {
    return this.sent++;
  }

  /** Message `ticket` arrived: runs it now if every earlier one has, else when they have. */
  arrive(ticket: number, deliver: () => void): void {
    if (ticket !== this.next) {
      this.held.set(ticket, deliver);
      return;
    }
    deliver();
    this.next++;
    for (let h = this.held.get(this.next); h !== undefined; h = this.held.get(this.next)) {
      this.held.delete(this.next);
      h();
      this.next++;
    }
  }
}
