<#-- A delivered prep event changed: the interview moved, was cancelled or is back on. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign u = update!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
<#if u.cancelled!false>Cancelled: your information interview with ${cname}<#if (u.previousWhen!"")?has_content> — ${u.previousWhen}</#if><#elseif u.moved!true>Moved: your information interview with ${cname} is now ${iv.when!""}<#else>Back on: your information interview with ${cname} — ${iv.when!""}</#if>
