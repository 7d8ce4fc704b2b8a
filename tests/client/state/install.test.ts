// Issue 17.1: which browsers delete Obecni's data after 7 days without use unless it runs
// installed from the home screen, on real user-agent strings.
import { describe, expect, it } from 'vitest';
import { webKitDeletesData } from '../../../src/client/state/install';

const UA = {
  iPhoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iPhoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  iPadOld: 'Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  // iPadOS 13+ asks for the desktop site: a Mac user agent, told apart by its touch screen.
  iPadDesktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  macChrome: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  macFirefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; SM-X210) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Safari/537.36',
  androidSamsung: 'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-T220) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36',
  windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68',
} as const;

describe('webKitDeletesData', () => {
  it.each([
    ['Safari on an iPhone', UA.iPhoneSafari, 5, false, true],
    ['Chrome on an iPhone (WebKit too)', UA.iPhoneChrome, 5, false, true],
    ['Safari on an older iPad', UA.iPadOld, 5, false, true],
    ['Safari on an iPad asking for the desktop site', UA.iPadDesktop, 5, false, true],
    ['Safari on a Mac', UA.macSafari, 0, false, true],
    ['Obecni installed on the iPad home screen', UA.iPadDesktop, 5, true, false],
    ['Obecni installed on the iPhone home screen', UA.iPhoneSafari, 5, true, false],
    ['Chrome on a Mac', UA.macChrome, 0, false, false],
    ['Firefox on a Mac', UA.macFirefox, 0, false, false],
    ['Chrome on an Android tablet', UA.androidChrome, 5, false, false],
    ['Samsung Internet on an Android tablet', UA.androidSamsung, 5, false, false],
    ['Edge on Windows', UA.windowsEdge, 0, false, false],
  ])('%s → %s', (_name, ua, touch, standalone, expected) => {
    expect(webKitDeletesData(ua, touch, standalone)).toBe(expected);
  });
});
