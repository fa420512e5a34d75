"""Alias merging without spaCy: ``quotemine.pipeline.entities.cluster`` works on plain tuples."""

from __future__ import annotations

from quotemine.pipeline.entities.cluster import OrgMention, best_name, cluster_orgs, cluster_people


def _texts(groups: list[list[OrgMention]]) -> list[list[str]]:
    return [[m.text for m in g] for g in groups]


def test_cluster_people_full_name_then_surname_and_first_name() -> None:
    mentions = [(0, 12, "Lina Okafor"), (30, 36, "Okafor"), (50, 54, "Lina")]
    (person,) = cluster_people(mentions)
    assert person.mentions == mentions
    assert best_name(person.mentions) == (0, 12, "Lina Okafor")


def test_cluster_people_two_people_sharing_a_surname_stay_apart() -> None:
    mentions = [(0, 10, "Ana Morel"), (20, 31, "Piet Morel"), (40, 45, "Morel"), (60, 69, "Ana Morel")]
    first, second = cluster_people(mentions)
    assert (0, 10, "Ana Morel") in first.mentions and (60, 69, "Ana Morel") in first.mentions
    # the bare surname goes to the person of that surname mentioned most recently before it
    assert (40, 45, "Morel") in second.mentions


def test_cluster_people_author_is_the_cluster_with_a_byline_mention() -> None:
    clusters = cluster_people([(3, 11, "Jo Brand"), (40, 48, "Jo Brand"), (60, 69, "Kim Sosa")], {(3, 11)})
    assert [c.author for c in clusters] == [True, False]


def test_cluster_orgs_acronym_after_its_name() -> None:
    groups = cluster_orgs(
        [OrgMention(0, 30, "Northern Water Research Agency", "NWRA"), OrgMention(50, 54, "NWRA")]
    )
    assert _texts(groups) == [["Northern Water Research Agency", "NWRA"]]


def test_cluster_orgs_acronym_before_its_name() -> None:
    groups = cluster_orgs(
        [
            OrgMention(4, 8, "NWRA"),
            OrgMention(30, 60, "Northern Water Research Agency", "NWRA"),
            OrgMention(80, 84, "NWRA"),
        ]
    )
    assert _texts(groups) == [["NWRA", "Northern Water Research Agency", "NWRA"]]


def test_cluster_orgs_two_names_with_one_acronym_stay_apart() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 24, "Harbour Trust Company", "HTC"),
            OrgMention(40, 66, "Highland Textile Council", "HTC"),
        ]
    )
    assert len(groups) == 2


def test_cluster_orgs_acronym_after_two_names_joins_the_later() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 24, "Harbour Trust Company", "HTC"),
            OrgMention(40, 66, "Highland Textile Council", "HTC"),
            OrgMention(90, 93, "HTC"),
        ]
    )
    assert _texts(groups) == [["Harbour Trust Company"], ["Highland Textile Council", "HTC"]]


def test_cluster_orgs_acronym_in_use_keeps_its_name() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 24, "Harbour Trust Company", "HTC"),
            OrgMention(26, 29, "HTC"),
            OrgMention(40, 66, "Highland Textile Council", "HTC"),
            OrgMention(90, 93, "HTC"),
        ]
    )
    assert _texts(groups) == [["Harbour Trust Company", "HTC", "HTC"], ["Highland Textile Council"]]


def test_cluster_orgs_national_prefix_left_out_is_the_same_body() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 22, "U.S. Appeals Tribunal"),
            OrgMention(40, 57, "Appeals Tribunal"),
            OrgMention(70, 80, "U.S. Steel"),
            OrgMention(90, 95, "Steel"),
        ]
    )
    assert _texts(groups) == [["U.S. Appeals Tribunal", "Appeals Tribunal"], ["U.S. Steel"], ["Steel"]]


def test_cluster_orgs_same_name_with_and_without_the() -> None:
    groups = cluster_orgs([OrgMention(0, 10, "the Senate"), OrgMention(20, 26, "Senate")])
    assert _texts(groups) == [["the Senate", "Senate"]]


def test_cluster_orgs_clipped_short_form_joins_its_long_name_in_either_order() -> None:
    long_first = cluster_orgs([OrgMention(0, 15, "Federal Reserve"), OrgMention(30, 33, "Fed")])
    assert _texts(long_first) == [["Federal Reserve", "Fed"]]
    short_first = cluster_orgs([OrgMention(0, 3, "Fed"), OrgMention(30, 45, "Federal Reserve")])
    assert _texts(short_first) == [["Fed", "Federal Reserve"]]


def test_cluster_orgs_company_name_without_its_tail() -> None:
    groups = cluster_orgs([OrgMention(0, 17, "Kessel Group Inc."), OrgMention(30, 36, "Kessel")])
    assert _texts(groups) == [["Kessel Group Inc.", "Kessel"]]


def test_cluster_orgs_short_form_of_two_names_stays_apart() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 15, "Federal Reserve"),
            OrgMention(20, 45, "Federation of Miners"),
            OrgMention(50, 53, "Fed"),
        ]
    )
    assert len(groups) == 3


def test_cluster_orgs_first_word_joins_the_one_longer_name_it_starts() -> None:
    groups = cluster_orgs([OrgMention(0, 19, "Vantor Construction"), OrgMention(40, 46, "Vantor")])
    assert _texts(groups) == [["Vantor Construction", "Vantor"]]
    two = cluster_orgs(
        [OrgMention(0, 12, "Vantor Mills"), OrgMention(20, 32, "Vantor Trust"), OrgMention(40, 46, "Vantor")]
    )
    assert len(two) == 3  # two longer names start with it: no guess


def test_cluster_orgs_acronym_or_head_word_alone_is_its_own_body() -> None:
    heads = frozenset({"house", "committee"})
    groups = cluster_orgs([OrgMention(0, 5, "House"), OrgMention(10, 37, "House Fisheries Committee")], heads)
    assert len(groups) == 2
    assert len(cluster_orgs([OrgMention(0, 3, "KBS"), OrgMention(10, 26, "KBS Radio Orlin")])) == 2


def test_cluster_orgs_noun_is_no_clipped_form_of_its_adjective() -> None:
    groups = cluster_orgs([OrgMention(0, 30, "Parliamentary Audit Office"), OrgMention(40, 48, "Parliament")])
    assert len(groups) == 2
    groups = cluster_orgs([OrgMention(0, 24, "Continental Trade Bank"), OrgMention(40, 49, "Continent")])
    assert len(groups) == 2


def test_cluster_orgs_clipped_form_skips_the_name_the_text_calls_by_acronym() -> None:
    groups = cluster_orgs(
        [
            OrgMention(0, 4, "Kess"),
            OrgMention(10, 24, "Kessel Reserve"),
            OrgMention(30, 51, "Kessel Housing Office", "KHO"),
            OrgMention(60, 63, "KHO"),
        ]
    )
    assert _texts(groups) == [["Kess", "Kessel Reserve"], ["Kessel Housing Office", "KHO"]]


def test_cluster_orgs_dotted_abbreviation_letters_make_a_second_acronym() -> None:
    full = OrgMention(10, 34, "U.S. Bureau of Fisheries", "BF", dotted="USBF")
    groups = cluster_orgs([OrgMention(0, 4, "USBF"), full, OrgMention(40, 44, "USBF")])
    assert _texts(groups) == [["USBF", "U.S. Bureau of Fisheries", "USBF"]]


def test_cluster_orgs_team_plural_joins_its_full_club_name() -> None:
    groups = cluster_orgs([OrgMention(0, 19, "Dunmere Bay Herons"), OrgMention(40, 46, "Herons")])
    assert _texts(groups) == [["Dunmere Bay Herons", "Herons"]]
    two = cluster_orgs(
        [OrgMention(0, 12, "Kelby Herons"), OrgMention(20, 33, "Tolsby Herons"), OrgMention(40, 46, "Herons")]
    )
    assert len(two) == 3


def test_cluster_orgs_firm_name_without_its_tail_words_joins_it() -> None:
    heads = frozenset({"partners", "capital", "union"})
    groups = cluster_orgs(
        [OrgMention(0, 24, "Pellan Crest Partners"), OrgMention(40, 52, "Pellan Crest")], heads
    )
    assert _texts(groups) == [["Pellan Crest Partners", "Pellan Crest"]]


def test_cluster_orgs_last_words_of_a_longer_name_join_it() -> None:
    heads = frozenset({"union"})
    long = OrgMention(0, 39, "the Orrin Valley and District Millers Union")
    groups = cluster_orgs([long, OrgMention(60, 77, "the Millers Union")], heads)
    assert _texts(groups) == [["the Orrin Valley and District Millers Union", "the Millers Union"]]


def test_cluster_orgs_part_name_of_two_longer_names_or_generic_or_met_first_stays_apart() -> None:
    heads = frozenset({"committee", "party"})
    two = [
        OrgMention(0, 26, "Upper Chamber Fisheries Committee"),
        OrgMention(30, 56, "Lower Chamber Fisheries Committee"),
        OrgMention(60, 79, "Fisheries Committee"),
    ]
    assert len(cluster_orgs(two, heads)) == 3  # either chamber's committee: no guess
    generic = [OrgMention(0, 25, "Carlow Democratic Party"), OrgMention(40, 57, "Democratic Party")]
    assert len(cluster_orgs(generic, heads)) == 2  # the national party is another body
    before = [
        OrgMention(0, 19, "Fisheries Committee"),
        OrgMention(30, 56, "Upper Chamber Fisheries Committee"),
    ]
    assert len(cluster_orgs(before, heads)) == 2


def test_cluster_orgs_part_name_does_not_join_a_name_that_is_no_clean_name() -> None:
    heads = frozenset({"council"})
    for long in [
        "a Harrow Borough Council",
        "Tarle, Harrow Borough Council",
        "Warning To Harrow Borough Council",
    ]:
        groups = cluster_orgs(
            [OrgMention(0, len(long), long), OrgMention(60, 82, "Harrow Borough Council")], heads
        )
        assert len(groups) == 2, long
