// wagtail-markdown's editor (EasyMDE) reads its options from here when it starts. Its own spell
// checker fetches dictionaries from a CDN (cdn.jsdelivr.net) for every editor opened; the
// browser's spell checking, on the editable text itself, needs nothing from the network.
window.wagtailMarkdown = window.wagtailMarkdown || {};
window.wagtailMarkdown.options = Object.assign(window.wagtailMarkdown.options || {}, {
  spellChecker: false,
  nativeSpellcheck: true,
  inputStyle: "contenteditable",
});
