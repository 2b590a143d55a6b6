<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if (k % 100 gte 11) && (k % 100 lte 13)><#return k?c + "th"><#elseif k % 10 == 1><#return k?c + "st"><#elseif k % 10 == 2><#return k?c + "nd"><#elseif k % 10 == 3><#return k?c + "rd"><#else><#return k?c + "th"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
Prep: <#if n gte 1>your ${ordinal(n)} information interview</#if><#if n lt 1>information interview</#if>, with ${cname}<#if (iv.when!"")?has_content> — ${iv.when}</#if>
