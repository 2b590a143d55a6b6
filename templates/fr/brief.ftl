<#-- Fiche de préparation, texte brut (METHOD M2 à M5). Les données sont affichées, jamais évaluées. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign r = referrer!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if k == 1><#return "1er"><#else><#return k?c + "e"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
<#assign rname = (r.name!"")?has_content?then(r.name, r.email!"")>
<#assign minutes = iv.durationMinutes!0>
<#assign defaultQuestions = [
  "Comment en êtes-vous arrivé(e) à faire ce métier ? Quel a été votre parcours ?",
  "À quoi ressemble une semaine ordinaire pour vous ?",
  "Qu'est-ce qui vous plaît le plus dans votre travail ?",
  "Et qu'est-ce qui vous plaît le moins, ou vous demande le plus d'efforts ?",
  "Quelles compétences ou qualités font la différence dans un rôle comme le vôtre ?",
  "Comment voyez-vous votre domaine évoluer dans les prochaines années ?",
  "Avec le recul, que feriez-vous autrement si vous débutiez aujourd'hui ?"
]>
ENTRETIEN D'INFORMATION AVEC ${cname?upper_case}
${iv.when!((iv.date!"") + " " + (iv.startTime!""))}

Ce sera votre <#if n gte 1>${ordinal(n)} </#if>entretien d'information.<#if (prep.minutes)??> Vous avez ${prep.minutes} minutes réservées pour vous préparer : lisez cette fiche une fois, puis dites à voix haute les phrases d'introduction et les questions.</#if>
<#if (c.senior!false) && n gte 1 && n lte 3>

ATTENTION : la fonction de ${cname} (${c.title!""}) laisse penser à un niveau de responsabilité élevé. Tant que vous apprenez la méthode (il faut en général trois ou quatre entretiens pour être à l'aise), vous tirerez davantage de personnes qui ont une ou deux longueurs d'avance sur vous que de quelqu'un situé bien au-dessus du niveau que vous visez. Si vous y allez, préparez-vous avec un soin particulier et tenez strictement la durée promise.
</#if>
<#list warnings![]>

À VÉRIFIER
<#items as w>
!! ${w}
</#items>
</#list>

QUAND ET OÙ
${iv.when!((iv.date!"") + " " + (iv.startTime!""))}<#if (iv.endTime!"")?has_content>, jusqu'à ${iv.endTime}</#if><#if minutes gt 0> (${minutes} min)</#if>
Lieu : <#if (iv.location!"")?has_content>${iv.location}<#else>non précisé dans l'invitation ; confirmez-le avec ${cname}</#if>
<#if iv.floating!false>
L'invitation n'indiquait pas de fuseau horaire : l'heure est donc affichée dans le vôtre. Si vous n'êtes pas au même endroit, vérifiez-la avec ${cname}.
</#if>
<#if iv.zoneUnknown!false>
Le fuseau horaire de l'invitation n'a pas été reconnu : l'heure ci-dessus peut être décalée. Confirmez-la avec ${cname}.
</#if>
<#if iv.longMeeting!false>
Remarque : le rendez-vous est prévu pour ${minutes} minutes, bien au-delà des vingt que vous promettez. Prévoyez vingt minutes ; ne restez davantage que si ${cname} vous y invite clairement.
</#if>

QUI VOUS RENCONTREZ
${cname}<#if (c.email!"")?has_content && (c.name!"")?has_content> <${c.email}></#if>
<#if (c.title!"")?has_content || org?has_content>
${c.title!""}<#if (c.title!"")?has_content && org?has_content>, </#if>${org}
</#if>
<#if (c.phone!"")?has_content>
Téléphone : ${c.phone}
</#if>
<#if (c.circle!"")?has_content>
Rencontré(e) par : ${c.circle}
</#if>
<#if rname?has_content>
Mise en relation par ${rname}<#if (r.email!"")?has_content && (r.name!"")?has_content> <${r.email}></#if><#if (r.how!"")?has_content> (${r.how})</#if>.
<#else>
Personne ne vous a présenté(e) : vous avez contacté ${cname} directement.
</#if>

POUR COMMENCER
Dites en quelques phrases qui vous êtes et pourquoi vous êtes là :
<#if rname?has_content>
« Merci de me consacrer ce moment. C'est ${rname} qui m'a conseillé de vous parler.
<#else>
« Merci de me consacrer ce moment.
</#if>
Je ne viens chercher que de l'information : je vérifie un objectif professionnel<#if (u.objective!"")?has_content>, ${u.objective},</#if> et votre parcours ressemble à celui que j'aimerais construire.
Comme promis, cela ne prendra qu'une vingtaine de minutes. »
Ensuite, laissez ${cname} parler le plus possible.

CE QUE VOUS SAVEZ DÉJÀ
<#list history![]>
Messages échangés, du plus récent au plus ancien :
<#items as m>
- ${m.date!""}, <#if (m.direction!"") == "out">vous avez écrit<#elseif (m.direction!"") == "other">${m.fromName!""} a écrit<#else>${cname} a écrit</#if> : « ${m.subject!""} »<#if (m.excerpt!"")?has_content> : ${m.excerpt}</#if>
</#items>
<#else>
Aucun message échangé avec ${cname} dans votre boîte aux lettres.
</#list>
<#list earlier![]>
Vos entretiens précédents chez ${org?has_content?then(org, "la même organisation")} :
<#items as e>
- ${e.date!""} avec ${e.contactName!""}<#if (e.organization!"")?has_content> (${e.organization})</#if>
</#items>
</#list>
<#list keywords![]>
Mots qui ressortent dans les messages de ${cname} : <#items as k>${k}<#sep>, </#items>.
Reprendre son vocabulaire aide la conversation à circuler.
</#list>

QUESTIONS POUR FAIRE PARLER ${cname?upper_case}
<#list defaultQuestions as q>
${q?counter}. ${q}
</#list>
<#list u.questions![]>
Vos propres questions :
<#items as q>
- ${q}
</#items>
</#list>

SI L'ON VOUS INTERROGE SUR VOUS
Répondez brièvement et rendez la parole : c'est votre interlocuteur qui doit parler.
<#if (u.pitch!"")?has_content>
Votre présentation courte : « ${u.pitch} »
<#else>
Préparez deux ou trois phrases sur qui vous êtes et ce que vous explorez (ajoutez une présentation courte, « pitch », à votre configuration pour la voir ici).
</#if>

AVANT DE PARTIR : DEUX OU TROIS NOMS
Visez deux ou trois personnes qui font le même travail dans une autre organisation.
Demande directe : « Pourriez-vous me suggérer deux ou trois personnes qui font un travail comme le vôtre ailleurs, et avec qui je pourrais aussi échanger ? »
Ou indirecte : « Comment me conseilleriez-vous de poursuivre ma recherche ? »
Puis avancez pas à pas :
1. « Puis-je noter leurs noms ? »
2. « Puis-je les contacter ? »
3. « Puis-je leur dire que c'est vous qui me l'avez suggéré ? »

De l'information seulement, une vingtaine de minutes, et un remerciement le jour même. Bon entretien !
