/* Material for MkDocs' content scripts (linked content tabs; the tab a
   #hash points to), as a file instead of inline code, so the site's
   Content-Security-Policy allows no inline script at all
   (overrides/partials/javascripts/content.html). Same code as Material 9.7's
   partials/javascripts/content.html; the tabs part runs when the tag says
   the content.tabs.link feature is on (data-md-tabs-link).
   Material for MkDocs: MIT licence, (c) Martin Donath. */
if(document.currentScript.hasAttribute("data-md-tabs-link")){var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
