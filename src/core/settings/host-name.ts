/**
 * What counts as a host name in an answer from the network. Autoconfig files, SRV and MX records
 * come from whoever controls the domain's DNS or web server; a name that is not a plain DNS name
 * (an IP address, a URL, spaces, a 2 MB string) is refused rather than shown or connected to.
 */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function isHostName(name: string): boolean {
  return HOST_NAME.test(name);
}

/** Lower case, no trailing dot: how DNS names are compared and shown. */
export function canonicalHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
