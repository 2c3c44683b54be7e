/// The Content-Security-Policy every page of the site carries in its head: scripts and styles only from the site's
/// own files (no inline script, no `on…=` handler, no `style=` attribute runs or applies), images from the site or
/// `data:`, no plugins, no `<base>`, forms only to the site. If page text ever got past the escaping, the browser
/// would still not run it. `disarm-serve` sends the same policy as a header, with `frame-ancestors 'none'`, which a
/// `<meta>` policy cannot carry (Chromium logs an error for it there).
public enum ContentSecurityPolicy {
  /// The policy of the `<meta http-equiv="Content-Security-Policy">` element.
  public static let meta =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    + "base-uri 'none'; form-action 'self'"
}
