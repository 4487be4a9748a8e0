/* Material for MkDocs' head script, as a file instead of inline code, so the
   site's Content-Security-Policy allows no inline script at all
   (overrides/partials/javascripts/base.html). Same code as Material 9.7's
   partials/javascripts/base.html; the scope comes from the tag's
   data-md-scope attribute instead of being written into the code.
   Material for MkDocs: MIT licence, (c) Martin Donath. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
