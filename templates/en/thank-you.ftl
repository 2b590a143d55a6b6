<#-- Thank-you draft to the contact, plain text (METHOD M7, M1). Places to fill are marked [[ ... ]]. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign nt = notes!{}>
<#assign hasNotes = nt.present!false>
<#assign points = nt.points![]>
<#assign leads = nt.leads![]>
<#assign names = nt.names![]>
<#assign article = nt.article!"">
<#assign reachable = names?filter(nm -> nm.mayContact!false)>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ your name ]]"))>
Dear ${(c.name!"")?has_content?then(c.name, "[[ their name ]]")},

Thank you for the time you gave me<#if (iv.date!"")?has_content> on ${iv.date}</#if>. <#if hasNotes>Our conversation was a real help<#if (u.objective!"")?has_content> as I work towards my goal: ${u.objective}</#if>.<#else>[[ one sentence on what struck you most in the conversation ]]</#if>

Here is what I am taking away from it:
<#list points as p>
- ${p}
<#else>
- [[ a point you discussed, in their words ]]
- [[ another point that was useful to you ]]
</#list>
<#if leads?has_content>

I will follow up the leads you suggested:
<#list leads as l>
- ${l}
</#list>
<#elseif !hasNotes>

I will follow up the leads you suggested:
- [[ a lead they proposed, and what you will do about it; delete this part if there was none ]]
</#if>
<#if names?has_content>

Thank you also for suggesting I speak with <#list names as nm>${nm.name!""}<#sep><#if nm?index == names?size - 2> and <#else>, </#if></#list>.<#if reachable?size == names?size> I will get in touch with <#if names?size == 1>them<#else>each of them</#if> and let you know how it goes.<#elseif reachable?has_content> As you kindly allowed, I will get in touch with <#list reachable as nm>${nm.name!""}<#sep><#if nm?index == reachable?size - 2> and <#else>, </#if></#list>.</#if>
<#elseif !hasNotes>

Thank you also for suggesting I speak with [[ the names they gave you; delete this sentence if there were none ]].
</#if>
<#if article?has_content>

Following our conversation, here is an article I thought might interest you: ${article}
<#elseif !hasNotes>

[[ optional: a link to an article related to what you discussed, with a line on why it made you think of them ]]
</#if>

I will keep you posted on how my research goes.

Best regards,
${signature}
