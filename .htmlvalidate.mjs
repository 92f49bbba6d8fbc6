// html-validate (e2e/conformance.spec.ts validates every public page type and the sign-in page with it).
// The recommended preset, less only the style rules that React's server output trips although the HTML
// is valid: each is a choice of spelling the HTML standard leaves open.
const config = {
  extends: ["html-validate:recommended"],
  rules: {
    // React writes attributes in their DOM property case (dateTime, autoComplete, encType, charSet,
    // fetchPriority, noModule); HTML attribute names are case-insensitive.
    "attr-case": "off",
    // React closes void elements XML-style (<meta/>, <input/>, <link/>), which HTML allows.
    "void-style": "off",
    // React writes boolean attributes with an empty value (async="", noValidate="", hidden=""), which
    // HTML defines as the same as the bare attribute.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    // Next.js gives its streamed scripts ids such as "_R_". HTML allows any id without whitespace; the
    // relaxed mode checks exactly that instead of the stricter letter-first style.
    "valid-id": ["error", { relaxed: true }],
  },
};

export default config;
