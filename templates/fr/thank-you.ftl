<#-- Brouillon de remerciement au contact, texte brut (METHOD M7, M1). Les emplacements à compléter sont marqués [[ ... ]]. -->
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
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ votre nom ]]"))>
Bonjour ${(c.name!"")?has_content?then(c.name, "[[ son nom ]]")},

Merci pour le temps que vous m'avez accordé<#if (iv.date!"")?has_content> le ${iv.date}</#if>. <#if hasNotes>Notre échange m'a été très utile<#if (u.objective!"")?has_content> dans mon projet : ${u.objective}</#if>.<#else>[[ une phrase sur ce qui vous a le plus marqué dans l'échange ]]</#if>

Voici ce que j'en retiens :
<#list points as p>
- ${p}
<#else>
- [[ un point abordé, avec ses mots ]]
- [[ un autre point qui vous a été utile ]]
</#list>
<#if leads?has_content>

Je vais suivre les pistes que vous m'avez proposées :
<#list leads as l>
- ${l}
</#list>
<#elseif !hasNotes>

Je vais suivre les pistes que vous m'avez proposées :
- [[ une piste proposée, et ce que vous allez en faire ; supprimez ce passage s'il n'y en a pas eu ]]
</#if>
<#if names?has_content>

Merci aussi de m'avoir suggéré de parler à <#list names as nm>${nm.name!""}<#sep><#if nm?index == names?size - 2> et <#else>, </#if></#list>.<#if reachable?size == names?size> Je vais <#if names?size == 1>lui<#else>leur</#if> écrire et je vous dirai ce qu'il en ressort.<#elseif reachable?has_content> Comme vous me l'avez permis, je vais prendre contact avec <#list reachable as nm>${nm.name!""}<#sep><#if nm?index == reachable?size - 2> et <#else>, </#if></#list>.</#if>
<#elseif !hasNotes>

Merci aussi de m'avoir suggéré de parler à [[ les noms donnés ; supprimez cette phrase s'il n'y en a pas eu ]].
</#if>
<#if article?has_content>

Suite à notre échange, voici un article qui pourrait vous intéresser : ${article}
<#elseif !hasNotes>

[[ facultatif : le lien d'un article en rapport avec votre échange, avec une ligne pour dire pourquoi il vous a fait penser à cette personne ]]
</#if>

Je vous tiendrai au courant de la suite de mes recherches.

Bien cordialement,
${signature}
