<#assign c = contact!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
How did it go with ${cname}? Reply with a few notes
