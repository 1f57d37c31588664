// Endpoint names and each app instance's DNS cache (see README.md).
export { DnsZone, DEFAULT_ENDPOINT_TTL_S, type DnsAnswer } from './dns-zone';
export { Resolver, DNS_LOOKUP_US } from './resolver';
