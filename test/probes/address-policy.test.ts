import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { judgeAddress, parseAddress, type Cidr } from '../../src/probes/address-policy.js';

const none: Cidr[] = [];
const lab: Cidr[] = ['10.20.0.0/16', '127.0.0.0/8', 'fd00:1::/32'].map((c) => ipaddr.parseCIDR(c));

describe('address policy', () => {
  it.each([
    // Public unicast: allowed.
    ['8.8.8.8', true, 'unicast'],
    ['2606:4700:4700::1111', true, 'unicast'],
    // Everything else, in every spelling: blocked.
    ['127.0.0.1', false, 'loopback'],
    ['2130706433', false, 'loopback'],
    ['0177.0.0.1', false, 'loopback'],
    ['0x7f.0.0.1', false, 'loopback'],
    ['0x7f000001', false, 'loopback'],
    ['127.1', false, 'loopback'],
    ['::1', false, 'loopback'],
    ['[::1]', false, 'loopback'],
    ['::ffff:127.0.0.1', false, 'loopback'],
    ['::ffff:7f00:1', false, 'loopback'],
    ['10.1.2.3', false, 'private'],
    ['172.16.5.4', false, 'private'],
    ['192.168.1.1', false, 'private'],
    ['::ffff:192.168.1.1', false, 'private'],
    ['100.64.0.1', false, 'carrierGradeNat'],
    ['169.254.169.254', false, 'linkLocal'],
    ['fe80::1', false, 'linkLocal'],
    ['fd00::1', false, 'uniqueLocal'],
    ['224.0.0.1', false, 'multicast'],
    ['ff02::1', false, 'multicast'],
    ['0.0.0.0', false, 'unspecified'],
    ['::', false, 'unspecified'],
    ['255.255.255.255', false, 'broadcast'],
    ['192.0.2.1', false, 'reserved'],
    ['240.0.0.1', false, 'reserved'],
    ['2001:db8::1', false, 'reserved'],
    ['64:ff9b::7f00:1', false, 'rfc6052'],
    ['2002:7f00:1::', false, '6to4'],
  ])('%s → allowed %s (%s)', (address, allowed, range) => {
    const v = judgeAddress(address, none);
    expect(v.allowed).toBe(allowed);
    expect(v.range).toBe(range);
  });

  it('lets PROBE_ALLOW_NETWORKS open exactly its ranges', () => {
    expect(judgeAddress('10.20.3.4', lab)).toMatchObject({ allowed: true, range: 'allow-listed' });
    expect(judgeAddress('10.21.3.4', lab)).toMatchObject({ allowed: false, range: 'private' });
    expect(judgeAddress('2130706433', lab)).toMatchObject({ allowed: true, address: '127.0.0.1' });
    expect(judgeAddress('::ffff:127.0.0.1', lab)).toMatchObject({ allowed: true, address: '127.0.0.1' });
    expect(judgeAddress('fd00:1::25', lab)).toMatchObject({ allowed: true });
    expect(judgeAddress('fd00:2::25', lab)).toMatchObject({ allowed: false });
    expect(judgeAddress('169.254.169.254', lab)).toMatchObject({ allowed: false });
  });

  it('tells names from addresses', () => {
    expect(parseAddress('imap.example.com')).toBeNull();
    expect(parseAddress('localhost')).toBeNull();
    expect(parseAddress('1.2.3.4.example')).toBeNull();
    expect(parseAddress('0x7f.1')?.toString()).toBe('127.0.0.1');
  });
});
