<#-- Fiche de préparation, texte brut (METHOD M2 à M5). Les données sont affichées, jamais évaluées. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign r = referrer!{}>
<#assign caution = caution!{}>
<#assign voc = vocabulary!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if k == 1><#return "1er"><#else><#return k?c + "e"></#if></#function>
<#function plural k one many><#if k lte 1><#return k?c + "\xA0" + one><#else><#return k?c + "\xA0" + many></#if></#function>
<#-- « de » devant une consonne, « d' » devant une voyelle : « site de Medinova », « site d'Acme ». -->
<#function de name><#if name?matches("(?i)^[aeiouyàâäéèêëîïôöùûüœ].*", "s")><#return "d'" + name><#else><#return "de " + name></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
<#assign first = (c.firstName!"")?has_content?then(c.firstName, cname)>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
<#assign rname = (r.name!"")?has_content?then(r.name, r.email!"")>
<#assign minutes = iv.durationMinutes!0>
<#assign when = iv.when!((iv.date!"") + " " + (iv.startTime!""))>
ENTRETIEN D'INFORMATION AVEC ${cname?upper_case}
<#if (iv.relative!"")?has_content>${iv.relative?cap_first} (${iv.date!when})<#else>${when?cap_first}</#if>

<#if n gte 1>Ce sera votre ${ordinal(n)} entretien d'information<#if n gt 1> (${plural(iv.held!(n - 1), "déjà mené", "déjà menés")})</#if>.<#else>Un entretien d'information.</#if><#if (prep.minutes)??> Vous avez ${plural(prep.minutes, "minute réservée", "minutes réservées")} pour vous préparer : lisez cette fiche une fois, puis dites à voix haute les phrases d'introduction et les questions.</#if>
<#if caution.show!false>

ATTENTION : UN INTERLOCUTEUR TRÈS EXPÉRIMENTÉ, TÔT DANS VOTRE PARCOURS
La fonction de ${first}, « ${c.title!""} », laisse penser à un poste de haut niveau, et ce n'est que votre ${ordinal(n)} entretien d'information. Tant que vous apprenez la méthode (on est en général à l'aise après trois ou quatre entretiens), vous tirerez davantage de personnes qui ont une ou deux longueurs d'avance sur vous que de quelqu'un situé bien au-dessus du niveau que vous visez.
<#list caution.namesToSeeFirst![]>
Envisagez de voir d'abord <#items as p>${p}<#if p?has_next><#if p?index == caution.namesToSeeFirst?size - 2> ou <#else>, </#if></#if></#items>, des noms qu'on vous a donnés et que vous n'avez pas encore rencontrés, et ${first} un peu plus tard.
<#else>
Envisagez de rencontrer d'abord quelqu'un qui occupe depuis quelques années le poste que vous visez, et ${first} un peu plus tard.
</#list>
Si vous maintenez ce rendez-vous, préparez-vous avec un soin particulier et tenez strictement la durée promise.
</#if>
<#list warnings![]>

À VÉRIFIER
<#items as w>
!! ${w}
</#items>
</#list>

QUAND ET OÙ
${when?cap_first}<#if (iv.endTime!"")?has_content>, jusqu'à ${iv.endTime}</#if><#if minutes gt 0> (${plural(minutes, "minute", "minutes")})</#if>
Lieu : <#if (iv.location!"")?has_content>${iv.location}<#else>non précisé dans l'invitation ; confirmez-le avec ${first}</#if>
<#if iv.floating!false>
L'invitation n'indiquait pas de fuseau horaire : l'heure est donc affichée dans le vôtre. Si vous n'êtes pas au même endroit, vérifiez-la avec ${first}.
</#if>
<#if iv.zoneUnknown!false>
Le fuseau horaire de l'invitation n'a pas été reconnu : l'heure ci-dessus peut être décalée. Confirmez-la avec ${first}.
</#if>
<#if iv.longMeeting!false>
Remarque : le rendez-vous est prévu pour ${minutes} minutes, bien au-delà des vingt que vous promettez. Prévoyez vingt minutes ; ne restez davantage que si ${first} vous y invite clairement.
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
Cercle : ${c.circle}
</#if>
<#list c.profiles![]>
<#items as p>
Sur ${p.site!""} : ${p.url!""}
</#items>
</#list>
<#if rname?has_content>
<#if (r.how!"") == "introduced">
${rname} vous a mis en relation<#if (r.date!"")?has_content> le ${r.date}</#if><#if (r.line!"")?has_content> : « ${r.line} »<#else>.</#if>
<#elseif (r.how!"") == "suggested">
${rname} vous a suggéré de contacter ${first}<#if (r.date!"")?has_content> lors de votre rencontre du ${r.date}</#if>.<#if !(r.mayMention!true)> ${rname} n'a pas donné son accord pour être cité(e) : ne mentionnez pas son nom.</#if>
<#else>
L'invitation cite ${rname} comme la personne qui a suggéré ce rendez-vous.
</#if>
<#else>
Personne ne vous a présenté(e) : vous avez contacté ${first} directement.
</#if>
<#list c.research![]>
Renseignez-vous sur ${first} avant d'y aller (rebond n'ouvre aucun de ces liens) :
<#items as l>
- <#if (l.kind!"") == "site">Site ${org?has_content?then(de(org), "de son organisation")}<#elseif (l.kind!"") == "people">Recherche de profil<#else>Recherche sur le web</#if> : ${l.url!""}
</#items>
</#list>

POUR COMMENCER
Dites en quelques phrases qui vous êtes et pourquoi vous êtes là :
« Merci de me consacrer ce moment.<#if rname?has_content && (r.how!"") == "introduced"> C'est ${rname} qui nous a mis en relation.<#elseif rname?has_content && (r.mayMention!true)> C'est ${rname} qui m'a conseillé de vous parler.</#if>
Je ne viens chercher que de l'information. <#if (u.objectiveSentence!"")?has_content>${u.objectiveSentence} Je vérifie cet objectif auprès de personnes qui font ce métier, et votre parcours ressemble à celui que j'aimerais suivre.<#else>Je vérifie un objectif professionnel auprès de personnes qui font ce métier, et votre parcours ressemble à celui que j'aimerais suivre.</#if>
Comme promis, cela ne prendra qu'une vingtaine de minutes. »
Ensuite, laissez ${first} parler le plus possible.

SON VOCABULAIRE
<#if (voc.terms![])?has_content>
Les termes que ${first} emploie bien plus que le reste de votre boîte aux lettres. Les reprendre aide la conversation à circuler :
<#list voc.terms as t>
- ${t.term!""}<#if (t.context!"")?has_content> : « ${t.context} »</#if>
</#list>
<#elseif (history![])?has_content>
${first} a trop peu écrit pour que rebond repère son vocabulaire. Soyez attentif aux termes employés et notez-les.
<#else>
Aucun message de ${first} dans votre boîte aux lettres pour l'instant. Soyez attentif aux termes employés et notez-les.
</#if>

CE QUE VOUS SAVEZ DÉJÀ
<#list history![]>
Messages échangés, du plus récent au plus ancien :
<#items as m>
- ${m.date!""}, <#if (m.direction!"") == "out">vous avez écrit<#elseif (m.direction!"") == "other">${m.fromName!""} a écrit<#else>${first} a écrit</#if> : « ${m.subject!""} »<#if (m.excerpt!"")?has_content> : ${m.excerpt}</#if>
</#items>
<#else>
Aucun message échangé avec ${first} dans votre boîte aux lettres.
</#list>
<#list earlier![]>
Vos entretiens précédents chez ${org?has_content?then(org, "la même organisation")} :
<#items as e>
- ${e.date!""} avec ${e.contactName!""}
</#items>
</#list>

QUESTIONS POUR FAIRE PARLER ${first?upper_case}
<#list u.questions![]>
Vos propres questions :
<#items as q>
- ${q}
</#items>
</#list>
<#list questions![]>
<#if (u.questions![])?has_content>Et celles de la méthode :<#else>Celles de la méthode :</#if>
<#items as q>
${q?counter}. ${q}
</#items>
</#list>

SI L'ON VOUS INTERROGE SUR VOUS
Répondez brièvement et rendez la parole : c'est ${first} qui doit parler.
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
