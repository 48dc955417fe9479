// On this day: the home page lists the build day's articles from earlier years;
// this puts the reader's own day in its place, from the month's data file
// (on-this-day/MM.js, a script, so it loads from file:// as over http).
(function () {
  "use strict";
  var section = document.querySelector(".on-this-day");
  var config = JSON.parse(document.getElementById("on-this-day-config").textContent);
  var today = new Date();
  var month = String(today.getMonth() + 1).padStart(2, "0");
  var day = String(today.getDate()).padStart(2, "0");
  var pageLang = document.documentElement.lang;

  function item(story) {
    var year = story[0], url = story[1], title = story[2], titleLang = story[3];
    var li = document.createElement("li");
    var time = document.createElement("time");
    time.dateTime = year + "-" + month + "-" + day;
    time.textContent = String(year);
    var link = document.createElement("a");
    link.href = config.root + url;
    link.textContent = title;
    if (titleLang !== pageLang) {
      link.lang = titleLang;
      link.dir = titleLang === "ur" ? "rtl" : "ltr";
    }
    li.append(time, " ", link);
    return li;
  }

  function show() {
    var data = (window.AKHBAR_ON_THIS_DAY || {})[month];
    if (!data) return;
    var stories = (data.days[day] || []).filter(function (story) { return story[0] < today.getFullYear(); });
    var list = section.querySelector(".on-this-day-list");
    list.replaceChildren.apply(list, stories.map(item));
    list.hidden = stories.length === 0;
    section.querySelector(".on-this-day-intro").textContent = config.intro.replace("%(day)s", data.labels[day]);
    section.querySelector(".on-this-day-empty").hidden = stories.length > 0;
    section.querySelector(".on-this-day-note").hidden = true;
  }

  var script = document.createElement("script");
  script.src = config.folder + month + ".js";
  script.onload = show;
  document.head.appendChild(script);
})();
